export { ChartPanel } from './ChartPanel';
export { EquityChart } from './EquityChart';
export type { EquityChartProps } from './EquityChart';
export { FanChart, LeverageChart } from './AmplificationChart';
export {
  amplificationFan,
  autoDomain,
  chartMarkers,
  colors,
  CURVE_POINTS,
  equityRows,
  estimateLabelWidth,
  FAN_LEVERAGES,
  fanValueDomain,
  inDomain,
  leverageCap,
  mainCurve,
  priceDomain,
  priceToPixel,
  riskZones,
  roundUpShare,
  scenarioPlan,
  scenarioPrices,
  staggerLabels,
  startingEquity,
  tooltipGrid,
  withLeverage,
  zoomDomain,
} from './series';
export type {
  AmplificationFan,
  EquityRow,
  EquityUnit,
  FanLine,
  FanRow,
  FanSkip,
  LabelBox,
  Marker,
  MarkerKind,
  PriceDomain,
  RiskZones,
  ScenarioInput,
  ScenarioOverlay,
  ScenarioPlan,
  Zone,
} from './series';
export { equityPlan, markerPrice } from './plan';
export type { EquityPlan, EquityPlanOptions } from './plan';
export { chartSummary, liquidationDirection, unitsFor } from './summary';
export type { SummaryOptions, Units } from './summary';
export { curveToCsv, downloadBlob, downloadCsv, standaloneSvg, svgsToPng } from './export';
export type { CsvOptions } from './export';
export { axisNumber, valueDomain } from './axes';
export { ContagionChart } from './ContagionChart';
export type { ContagionChartProps } from './ContagionChart';
export { contagionRows, stopCappedEquity, toolboxColors, toolboxDashes, toolboxMarkers } from './toolbox';
export type { ContagionRow } from './toolbox';
