/**
 * The CJK faces ship with the app, so screens and proofs look the same with or without system
 * fonts: Noto Sans SC for the interface, Noto Serif SC for copy and headlines. Each face is split
 * by unicode-range, so the browser fetches only the slices the page's characters need.
 */
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import '@fontsource/noto-serif-sc/400.css';
import '@fontsource/noto-serif-sc/700.css';
