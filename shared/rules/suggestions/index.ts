/** Track changes (留痕) rules: accept, reject, the accepted text and the change table. */
export * from './resolveSuggestions';
export * from './acceptedText';
export * from './changeTable';
export * from './changeList';
export * from './trackedFields';
export * from './photoSuggestions';
