/** The translate function and its React context; the language comes from settings. */
import { createContext, useContext } from 'react';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Language = 'zh-CN' | 'en';
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const TABLES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translator(language: Language): Translate {
  const table = TABLES[language];
  return (key, vars) => {
    const text = table[key] ?? zhCN[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

export const I18nContext = createContext<Translate>(translator('zh-CN'));

export function useT(): Translate {
  return useContext(I18nContext);
}

export type { MessageKey };
