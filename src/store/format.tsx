import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { createFormatter, defaultFormatter } from '../config/format';
import type { Formatter } from '../config/format';

// Per widget, like the store: two elements on one page may show different locales and currencies.
const FormatContext = createContext<Formatter>(defaultFormatter);

export interface FormatProviderProps {
  locale?: string | undefined;
  currency?: string | undefined;
  children: ReactNode;
}

export function FormatProvider({ locale, currency, children }: FormatProviderProps): ReactNode {
  const formatter = useMemo(() => (locale === undefined && currency === undefined ? defaultFormatter : createFormatter({ locale, currency })), [locale, currency]);
  return <FormatContext.Provider value={formatter}>{children}</FormatContext.Provider>;
}

/** The formatter of the nearest widget; the browser's locale when there is none. */
export function useFormatter(): Formatter {
  return useContext(FormatContext);
}
