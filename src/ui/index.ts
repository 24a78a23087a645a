import './ui.css';

export { BracketsTable } from './BracketsTable';
export { CheckboxField, SegmentedField, SelectField, TextField } from './Field';
export { HeadlineResults } from './HeadlineResults';
export { InputsPanel } from './InputsPanel';
export { LeverageControl } from './LeverageControl';
export { NoticeList } from './NoticeList';
export { ScenariosPanel } from './ScenariosPanel';
export { ThemeToggle } from './ThemeToggle';
export { headlineRows, readingContext, towardEntry } from './readings';
export type { HeadlineRow, ReadingContext } from './readings';
export { leverageToSlider, sliderToLeverage, stepLeverage, SLIDER_STEPS } from './leverageScale';
export { ToolboxPanel, toolTabLabels } from './toolbox/ToolboxPanel';
export type { ToolboxPanelProps } from './toolbox/ToolboxPanel';
export { contagionRange, contagionSentence, EXAMPLE_PORTFOLIO, PortfolioTab } from './PortfolioPanel';
export type { ContagionRenderer, ContagionSlotProps } from './PortfolioPanel';
