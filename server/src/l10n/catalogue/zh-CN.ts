// 简体中文消息。术语以 docs/glossary.zh-CN.md 为准；占位符 `{name}` 与英文完全一致，
// 语序按中文习惯安排。
import type { Catalogue } from './en';

export const zhCN = {
  'codeLens.evaluate': '▶ 评估',

  'evaluate.badRequest': 'sla/evaluate 需要文档 URI 和指标文件列表',
  'evaluate.notAFile': '无法评估 {uri}：该文档既未打开，也不是本地文件',
  'evaluate.sealedToken': '无法解开 Prometheus 令牌（它是为另一个语言服务器加密的）：请运行“SLA: 重启语言服务器”',

  'cli.description': '检查用 SLA 语言编写的服务等级协议，并依据指标数据进行评估。',
  'cli.helpHint': '（运行 `sla --help` 查看用法）',
  'cli.option.help': '显示命令帮助',
  'cli.option.version': '显示版本号',
  'cli.option.locale': '消息和报告的语言：en 或 zh-CN（默认依据 LC_ALL、LC_MESSAGES 或 LANG 环境变量）',
  'cli.unsupportedLocale': '不支持的语言区域“{value}”：请使用 {supported} 之一',
  'cli.internalError': '内部错误：{reason}',
} as const satisfies Catalogue;
