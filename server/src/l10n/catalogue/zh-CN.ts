// 简体中文消息。术语以 docs/glossary.zh-CN.md 为准；占位符 `{name}` 与英文完全一致，
// 语序按中文习惯安排。
import type { Catalogue } from './en';

export const zhCN = {
  'codeLens.evaluate': '▶ 评估',

  'evaluate.badRequest': 'sla/evaluate 需要文档 URI 和指标文件列表',
  'evaluate.notAFile': '无法评估 {uri}：该文档既未打开，也不是本地文件',

  'cli.description': '检查用 SLA 语言编写的服务等级协议，并依据指标数据进行评估。',
  'cli.helpHint': '（运行 `sla --help` 查看用法）',
  'cli.option.help': '显示命令帮助',
  'cli.option.version': '显示版本号',
  'cli.option.locale': '消息和报告的语言：en 或 zh-CN（默认依据 LC_ALL、LC_MESSAGES 或 LANG 环境变量）',
  'cli.unsupportedLocale': '不支持的语言区域“{value}”：请使用 {supported} 之一',
  'cli.internalError': '内部错误：{reason}',

  // 评估 1.1：缺失的指标、序列、数据覆盖率（eval11）
  'evaluate.missingMetric': '输入中没有指标“{metric}”的样本（服务等级指标 {indicators} 使用该指标）',
  'evaluate.missingMetricSuggest': '输入中没有指标“{metric}”的样本（服务等级指标 {indicators} 使用该指标）；您是否要用“{suggestion}”？',
  'evaluate.cumulativeSeries': '序列 {series} 看起来是累计值：其 {count} 个样本从不减少，最后为 {last}，超过第一个值（{first}）的 10 倍；比率按每个区间的计数相加，如果这些是计数器，请为服务等级指标 {indicator} 加上 `counters`',
  'evaluate.counterDuplicate': '序列 {series} 在同一时间戳有第二个样本：使用 `counters` 时，每个序列在每个时刻只能有一个值',
  'evaluate.option.allowMissingMetrics': '即使协议使用的某个指标没有样本也进行评估（报告警告而非错误；该指标按无样本处理）',
  'report.status.insufficientData': '数据不足',
  'report.column.coverage': '数据覆盖率',
  'report.partialData': '数据不完整',
  'report.count.insufficientData': '{count} 个数据不足',
} as const satisfies Catalogue;
