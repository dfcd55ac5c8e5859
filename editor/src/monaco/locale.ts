/**
 * Monaco's own messages in Chinese (`Cannot edit in read-only editor` →
 * 无法在只读编辑器中编辑), from the zh-cn table the local package ships.
 * The table sets a global that Monaco's `localize` reads by index when a
 * message is shown, so it must be evaluated before the editor core: this
 * module is the first import of setup.ts and rides in Monaco's own chunk,
 * leaving the first screen's chunk as it was.
 */
import 'monaco-editor/nls/lang/zh-cn.js';
