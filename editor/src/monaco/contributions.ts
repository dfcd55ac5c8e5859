/**
 * The editor contributions this page uses, and no others (Monaco's full list
 * is ≈ 70; each is code evaluated before the editor can show). What each is
 * for here:
 * - core commands and the code editor widget: typing, cursor, selection;
 * - the diff editor's contribution: the version compare (side-by-side.tsx);
 * - suggest (with snippets, which completion items from the JSON Schema insert): completion;
 * - hover: the schema's descriptions and the text of a marker (engine problems, schema errors);
 * - go to error (F8): step through the markers;
 * - find, folding, bracket matching, format (Shift+Alt+F), lines and word
 *   operations, clipboard, context menu, cursor undo: what an engineer reading
 *   and editing a long JSON document expects of the editor;
 * - the read-only message: a published version is opened read-only;
 * - the codicon font: the icons of the suggest list, find widget and folding.
 * Left out: inline completions, code actions, code lens, rename, links,
 * colour picker, sticky scroll, parameter hints, semantic tokens, inlay hints,
 * the command palette and the other quick-access pickers; the JSON language
 * offers none of them or the page does not use them.
 */
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/editor/browser/widget/diffEditor/diffEditor.contribution';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/readOnlyMessage/browser/contribution';
import 'monaco-editor/editor/contrib/snippet/browser/snippetController2';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
