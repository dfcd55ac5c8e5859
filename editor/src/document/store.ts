/**
 * The scheme document state, apart from React: the current document, the
 * undo/redo stacks of commands, and listeners. Views subscribe and read
 * `state`; every change goes through `execute`, so every edit can be undone.
 */
import type { Command } from './commands.ts';
import type { Json } from './json.ts';

export interface DocumentState {
  readonly doc: Json;
  /** Increases with every change (execute, undo, redo, load). */
  readonly version: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Whether the document differs from the last loaded or saved one. */
  readonly dirty: boolean;
  readonly undoLabel: string | undefined;
  readonly redoLabel: string | undefined;
}

export interface ExecuteOptions {
  /**
   * Merge with the previous step when it has the same key (typing in Monaco:
   * one undo step per burst, not per keystroke).
   */
  mergeKey?: string;
}

interface Entry {
  command: Command;
  mergeKey: string | undefined;
}

export type Listener = (state: DocumentState) => void;

export class DocumentStore {
  #doc: Json;
  #saved: Json;
  #version = 0;
  #undo: Entry[] = [];
  #redo: Entry[] = [];
  #listeners = new Set<Listener>();
  #state: DocumentState;

  constructor(doc: Json) {
    this.#doc = doc;
    this.#saved = doc;
    this.#state = this.#snapshot();
  }

  get state(): DocumentState {
    return this.#state;
  }

  get doc(): Json {
    return this.#doc;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Run a command; a command that throws leaves the document and stacks as they were. */
  execute(command: Command, options: ExecuteOptions = {}): void {
    const next = command.execute(this.#doc);
    const top = this.#undo[this.#undo.length - 1];
    if (options.mergeKey !== undefined && top && top.mergeKey === options.mergeKey && this.#redo.length === 0) {
      // keep one step: undo of the merged step goes back to before the first command
      const first = top.command;
      const second = command;
      top.command = { label: first.label, execute: (d) => second.execute(first.execute(d)), revert: (d) => first.revert(second.revert(d)) };
    } else {
      this.#undo.push({ command, mergeKey: options.mergeKey });
    }
    this.#redo = [];
    this.#set(next);
  }

  /** Close a merge burst: the next command with the same key starts a new undo step. */
  endMerge(): void {
    const top = this.#undo[this.#undo.length - 1];
    if (top) top.mergeKey = undefined;
  }

  undo(): boolean {
    const entry = this.#undo.pop();
    if (!entry) return false;
    entry.mergeKey = undefined;
    this.#redo.push(entry);
    this.#set(entry.command.revert(this.#doc));
    return true;
  }

  redo(): boolean {
    const entry = this.#redo.pop();
    if (!entry) return false;
    this.#undo.push(entry);
    this.#set(entry.command.execute(this.#doc));
    return true;
  }

  /** Load a document from the server: a fresh history. */
  load(doc: Json): void {
    this.#undo = [];
    this.#redo = [];
    this.#saved = doc;
    this.#set(doc);
  }

  /** The document as last loaded or saved: the base a merge after a 409 starts from. */
  get saved(): Json {
    return this.#saved;
  }

  /**
   * The documents the undo history passes through, oldest first, each with the
   * label of the step that led to it (the first one, before any step, has none).
   * Reverting builds new roots only: the store does not change.
   */
  history(): Array<{ label: string | undefined; doc: Json }> {
    const out: Array<{ label: string | undefined; doc: Json }> = [];
    let doc = this.#doc;
    for (let i = this.#undo.length - 1; i >= 0; i--) {
      const command = (this.#undo[i] as Entry).command;
      out.unshift({ label: command.label, doc });
      doc = command.revert(doc);
    }
    out.unshift({ label: undefined, doc });
    return out;
  }

  /**
   * After a merge: `stored` is the revision now on the server (the new clean
   * point) and `steps` the clerk's history replayed on top of it, so undo walks
   * back through the clerk's own steps while the other edits stay. Redo is
   * dropped: its steps were never part of the merge.
   */
  adopt(stored: Json, steps: ReadonlyArray<{ label: string; doc: Json }>): void {
    let prev = stored;
    this.#undo = steps.map(({ label, doc }) => {
      const from = prev;
      prev = doc;
      return { command: { label, execute: () => doc, revert: () => from }, mergeKey: undefined };
    });
    this.#redo = [];
    this.#saved = stored;
    this.#set(prev);
  }

  /** The current document was stored (it is the new clean point; history stays). */
  markSaved(doc: Json = this.#doc): void {
    this.#saved = doc;
    this.#state = this.#snapshot();
    this.#emit();
  }

  #set(doc: Json): void {
    this.#doc = doc;
    this.#version++;
    this.#state = this.#snapshot();
    this.#emit();
  }

  #emit(): void {
    for (const l of [...this.#listeners]) l(this.#state);
  }

  #snapshot(): DocumentState {
    return {
      doc: this.#doc,
      version: this.#version,
      canUndo: this.#undo.length > 0,
      canRedo: this.#redo.length > 0,
      dirty: this.#doc !== this.#saved && JSON.stringify(this.#doc) !== JSON.stringify(this.#saved),
      undoLabel: this.#undo[this.#undo.length - 1]?.command.label,
      redoLabel: this.#redo[this.#redo.length - 1]?.command.label,
    };
  }
}
