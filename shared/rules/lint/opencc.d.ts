// opencc-js ships its dictionaries as modules of one string ("繁 简|…") without type declarations.
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TSPhrases' {
  const dict: string;
  export default dict;
}
