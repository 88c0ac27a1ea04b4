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
  'codeLens.coverage': '数据覆盖率 {coverage}',
  'evaluate.countersFromServer': '目标 {objective}：服务等级指标 {indicator} 使用 `counters`，此版本只能依据指标文件（含原始样本的 CSV 或 Prometheus JSON）评估，不能直接查询 Prometheus 服务器',
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
} as const satisfies Catalogue;
