export { createCalculatorStore, MAX_SCENARIOS } from './calculatorStore';
export type { CalculatorState, CalculatorStore, CalculatorStoreOptions, ChartView, EquityUnit, Scenario, ThemeChoice } from './calculatorStore';
export { CalculatorProvider, useCalculator, useCalculatorStore, useDerived } from './context';
export type { CalculatorProviderProps } from './context';
export { createDeriver, derive } from './derive';
export type { Derived, DerivedView } from './derive';
export { deriveToolbox, portfolioTick, priceAway, toolTabs } from './toolbox';
export type {
  AverageTool,
  ExitTool,
  FillErrors,
  MaxOpenTool,
  PortfolioRowErrors,
  PortfolioTool,
  RiskField,
  RiskTool,
  TargetTool,
  ToolboxView,
  ToolTab,
  ToolValue,
} from './toolbox';
export { toolboxFor, useToolbox } from './useToolbox';
export { FormatProvider, useFormatter } from './format';
export type { FormatProviderProps } from './format';
export { useDraftValue, useIdleReady, useSettledValue, useValueAfterInput } from './useSettled';
