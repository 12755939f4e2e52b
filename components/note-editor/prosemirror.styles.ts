import { css } from 'lit';

// ProseMirror's own view CSS (prosemirror-view/style/prosemirror.css) and
// the co-editor cursors of y-prosemirror. A page's stylesheets do not reach
// into the shadow root, so the editor carries them itself; without
// `white-space: break-spaces` typed spaces collapse and the caret jumps.
export const prosemirrorStyles = css`
  .ProseMirror {
    position: relative;
    word-wrap: break-word;
    white-space: pre-wrap;
    white-space: break-spaces;
    -webkit-font-variant-ligatures: none;
    font-variant-ligatures: none;
    font-feature-settings: 'liga' 0;
  }
  .ProseMirror pre {
    white-space: pre-wrap;
  }
  /* Only a selected item is a containing block (for its outline below): a co-editor's label inside a list still finds the gutter. */
  .ProseMirror li.ProseMirror-selectednode {
    position: relative;
  }
  .ProseMirror-hideselection *::selection {
    background: transparent;
  }
  .ProseMirror-hideselection {
    caret-color: transparent;
  }
  .ProseMirror [draggable][contenteditable='false'] {
    user-select: text;
  }
  .ProseMirror-selectednode {
    outline: 2px solid var(--_focus);
  }
  li.ProseMirror-selectednode {
    outline: none;
  }
  li.ProseMirror-selectednode::after {
    content: '';
    position: absolute;
    left: -32px;
    right: -2px;
    top: -2px;
    bottom: -2px;
    border: 2px solid var(--_focus);
    pointer-events: none;
  }
  img.ProseMirror-separator {
    display: inline !important;
    border: none !important;
    margin: 0 !important;
  }

  /* A co-editor's caret, and its name in the gutter at the editor's inline end, on the caret's line. */
  .ProseMirror.co-edited {
    --_gutter: 6rem;
    padding-inline-end: var(--_gutter);
  }
  .ProseMirror-yjs-cursor {
    margin-left: -1px;
    margin-right: -1px;
    border-left: 1px solid;
    border-right: 1px solid;
    word-break: normal;
    pointer-events: none;
  }
  .co-editor-name {
    /* No top or left: the label keeps the vertical place of its caret's line, and sits at the gutter's end. */
    position: absolute;
    inset-inline-end: 0;
    box-sizing: border-box;
    max-width: calc(var(--_gutter) - 0.25rem);
    overflow: hidden;
    padding: 0 0.25em;
    border-radius: 2px;
    color: #ffffff;
    font-size: 0.75rem;
    font-style: normal;
    font-weight: 600;
    line-height: 1.25;
    text-overflow: ellipsis;
    white-space: nowrap;
    user-select: none;
    pointer-events: auto;
  }
`;
