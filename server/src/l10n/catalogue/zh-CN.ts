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
  // 语言 1.1 的检查及其快速修复（checks11）
  'check.sla311':
    '`compensation for {objective}`：该目标按自然周期 {period} 统计，而服务费按 {feePeriod} 计费，无法计算服务抵扣金额；请改用 `window calendar {feePeriod}`，或按 {period} 计费',
  'check.sla312': '`{objective}`（{target}）存在任何档位都不覆盖的未达标情形：{gap}不获任何服务抵扣，因为最宽松的档位是 `{tier}`；{fix}',
  'check.sla312.gapExactly': '恰好等于 {target} 的值',
  'check.sla312.gapBelow': '从 {threshold} 到 {target}（不含）之间的值',
  'check.sla312.gapBelowIncluding': '从 {threshold} 到 {target}（含）之间的值',
  'check.sla312.gapAbove': '高于 {target} 直到 {threshold} 的值',
  'check.sla312.gapAboveIncluding': '从 {target} 到 {threshold} 之间的值',
  'check.sla312.fixTier': '请添加档位 `{tier}`',
  'check.sla312.fixComparator': '请将目标值写为 `{target}`',
  'check.sla312.fixComparatorAndTier': '请将目标值写为 `{target}`，并添加档位 `{tier}`',
  'check.sla405.holiday': '节假日 {date} 不在生效期（{effective}）内，永远不会生效；请更正日期（年份？）或删除',
  'check.sla405.workingDate': '调休工作日 {date} 不在生效期（{effective}）内，永远不会生效；请更正日期（年份？）或删除',
  'check.sla405.maintenance': '开始于 {start}（协议时区的 {date}）的维护窗口不在生效期（{effective}）内；请更正日期（年份？）或删除',
  'check.sla405.effectiveBetween': '{start} 至 {end}',
  'check.sla405.effectiveFrom': '自 {start} 起',
  'check.sla405.effectiveUntil': '至 {end} 止',
  'check.sla406': '级别 `{severity}` 的解决时限 {resolve} 短于其响应时限 {response}：工单将在响应之前就须解决；请使 `resolve` 不短于 `response`',
  'fix.sla312.addTier': '添加档位 `{tier}`',
  'fix.sla312.comparator': '将目标值改为 `{target}`',
  'fix.sla312.comparatorAndTier': '将目标值改为 `{target}` 并添加档位 `{tier}`',
} as const satisfies Catalogue;
