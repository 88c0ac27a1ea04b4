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

  // sla export prometheus-rules（server/src/export/prometheusRules.ts、cli/src/exportPrometheusRules.ts）
  'export.rules.header':
    '由 `sla export prometheus-rules` 生成的 Prometheus 规则。每个导出的目标（SLO）包括：记录规则 sla:sli_error:ratio_rate<窗口>（该窗口内出错的份额：不可用时间、失败请求或慢于目标值的请求所占比例），以及按 Google SRE 工作手册的多窗口多燃烧率方式设置的告警 SLAErrorBudgetBurn（page：1h 配 5m、6h 配 30m；ticket：3d 配 6h）。',
  'export.rules.burnRates':
    '{objective}：{window} 统计窗口，共 {days} 天。燃烧率 =（长窗口内消耗的错误预算份额：2%、5%、10%）× {days} 天 / 长窗口，30 天时即工作手册中的 14.4、6 和 1；此处为 {factors}。',
  'export.rules.histogram':
    '{objective}：{target} 依据直方图分桶计算：{metric}_bucket（le = {le}）与 {metric}_count；至少 {share}% 的请求须不超过目标值。该指标须为 Prometheus 直方图，且恰有一个分桶上界等于目标值。',
  'export.rules.condition':
    '只有 `during` 服务时段内且不在 `excluding` 维护窗口内的时刻计入：以 vector(time()) 上的 PromQL 时间条件表示，按 UTC{offset}（{zone}）计算；5 分钟错误比例通过子查询（[5m:1m]）每分钟取样一次，更长的窗口取其记录值的平均（规则加载后需经过相应时长才完整）。',
  'export.rules.effective': '告警只在协议生效期内触发。',
  'export.rules.dst':
    '{zone} 实行夏令时，UTC 偏移会变化（{offsets}）。PromQL 的时间函数只认 UTC，因此这里的服务时段和每周维护窗口按 UTC{used} 计算：在 {others} 生效期间，它们会相应提前或推后匹配。生效期和一次性维护窗口是精确的。',
  'export.rules.alertLongerThanWindow': '不设 {long} 的 {severity} 告警：长于 {window} 统计窗口',
  'export.rules.alertCannotFire': '不设 {long} 的 {severity} 告警：燃烧率 {factor} × 错误预算 {budget} 大于 1，永远不会触发',
  'export.rules.notExported': '未导出：{sla}.{objective}：{reason}',
  'export.rules.reason.incomplete': '其服务等级指标（SLI）、指标、目标值或统计窗口缺失或无效（请运行 `sla check`）',
  'export.rules.reason.metricName': '“{metric}”不是 Prometheus 指标名',
  'export.rules.reason.aggregate': '对{kind}比例使用聚合（{aggregate}）无法表示为 PromQL 燃烧率',
  'export.rules.reason.notPromql':
    '{kind}的 {aggregate} 无法用 PromQL 计算为燃烧率：只导出比例（可用性、错误率、比率）以及延迟和响应时间“不超过目标值”的百分位（依据直方图分桶）',
  'export.rules.reason.noBudget': '目标值 {target} 没有错误预算',
  'export.rules.reason.noAlert': '按其统计窗口和错误预算，任何燃烧率告警都不会触发',
  'export.rules.summary.page': '{objective}（{sla}）正在快速消耗错误预算：page',
  'export.rules.summary.ticket': '{objective}（{sla}）正在消耗错误预算：ticket',
  'export.rules.description': '目标 {objective}：每个 {window} 目标值 {target}；错误预算 {budget}%。',
  'export.rules.credit.amount': '若该 {period} 结束时 {threshold}，服务抵扣为 {period} 服务费的 {credit}%（{amount} {currency}）',
  'export.rules.credit.percent': '若该周期结束时 {threshold}，服务抵扣为服务费的 {credit}%',
  'export.rules.credit.none': '无赔偿条款',
  'export.cli.description': '将协议导出到其他工具',
  'export.cli.rules.description': '为可用 PromQL 计算的目标（SLO）生成 Prometheus 记录规则和告警规则（多窗口多燃烧率）',
  'export.cli.argument.contract': '协议文件（.sla）',
  'export.cli.option.sla': '要导出的 sla 块（默认：文件中的所有块）',
  'export.cli.option.output': '将规则写入此文件（默认：标准输出）',
  'export.cli.noSuchSla': '{file} 中没有名为“{name}”的 sla 块；现有的是：{names}',
  'export.cli.hasErrors': '{file} 有 {count} 个错误：请先修正（运行 `sla check {file}`）',
  'export.cli.cannotRead': '无法读取 {file}：{reason}',
  'export.cli.cannotWrite': '无法写入 {file}：{reason}',
  'export.cli.warning': '警告：{message}',
  'export.cli.nothingExported': '{file} 中没有可导出为 Prometheus 规则的目标（SLO）',
} as const satisfies Catalogue;
