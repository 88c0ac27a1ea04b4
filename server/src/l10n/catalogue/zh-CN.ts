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

  // 语言 1.1 语法（syntax11）
  'lex.fullWidth': '全角字符 `{char}` 已按 `{ascii}` 读取：请输入半角字符（将输入法切换为英文标点）',
  'lex.ideographicSpace': '全角空格（U+3000）已按半角空格读取：请输入半角空格（将输入法切换为英文标点）',
  'check.everyNotAboveZero': '`every {interval}` 不大于 0：请写出样本的预期间隔，例如 `every 1m`',
  'codeAction.replaceFullWidth': '将 `{char}` 替换为 `{ascii}`',
  'codeAction.replaceIdeographicSpace': '将全角空格（U+3000）替换为半角空格',
  'hover.scheduleOn': '{date}：{hours}（不论星期几）',
  'codeAction.replaceAllFullWidth': '替换此文件中的所有全角标点',
  'keyword.indicatorEvery': '该 SLI 样本的预期采集间隔：覆盖率和 `missing down` 据此计算预期样本数。',
  'keyword.missingDown': '与 `every` 同用：每个缺失的预期样本都计为不可用（适用于由 `metric` 读取的可用性）。',
  'keyword.counters': '比率的指标是累计计数器（与 Prometheus 导出的一致）：每个周期按其增量计算，计数器重置也会正确处理。',
  'keyword.coverage': '一个周期所需的预期样本比例（依据 SLI 的 `every`）；低于该比例时，结果为 `insufficient-data`（数据不足）。',
  'keyword.reviewed': '协议最近一次复审的日期；与 `review` 同用时，若已超过下次复审日期，SLA505 会发出警告。',
  'keyword.scheduleOn': '指定日期的服务时段：在这些本地日期，无论星期几，服务时段都恰为所列时间段（调休工作日）。',

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
  'check.sla211.every': '`{indicator}` 的 `missing down` 需要 `every`：未给出预期采样间隔，就无从判断样本缺失；请添加如 `every 1m` 的一行',
  'check.sla211.kind': '`{indicator}` 是 `{kind}` 类 SLI，不能使用 `missing down`：只有从 `metric` 读取的可用性才能把缺失样本计为不可用；请删除该行',
  'check.sla211.ratio': '`{indicator}` 从 `ratio` 读取，不能使用 `missing down`：只有从 `metric` 读取的可用性才能把缺失样本计为不可用；请删除该行',
  'check.sla212': '`{objective}` 的 `coverage` 需要预期采样间隔，但其 SLI `{indicator}` 没有 `every`：请在 `{indicator}` 中添加如 `every 1m` 的一行',
  'check.sla213': '`{indicator}` 没有 `ratio`，不能使用 `counters`：只有比率的指标才按累计计数器读取；请写 `ratio good "…" total "…"`，或删除 `counters`',
  'check.sla404': '{date} 在服务时段 `{schedule}` 中列出了两次（首次在第 {line} 行）：请删除此处',
  'check.sla505': '复审已逾期：上次复审于 {reviewed}，复审周期为 {cadence}，下次复审应不晚于 {due}，而今天是 {today}；请复审协议并更新 `reviewed` 日期',
  'fix.sla505.setReviewed': '将 `reviewed` 设为今天（{today}）',
  'cli.check.today': '与复审期限（SLA505）比较的日期，格式 YYYY-MM-DD（默认：各协议时区的今天）',
  'cli.check.badToday': '--today 需要 YYYY-MM-DD 格式的日期，而不是 `{value}`',
} as const satisfies Catalogue;
