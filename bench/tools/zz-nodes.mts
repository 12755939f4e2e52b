import { launchProfile, openAndWait, startPages, visit } from '../node/support/start-pages.js';
const pages = await startPages();
const profile = await launchProfile();
await visit(profile.context, pages, 'kit', { import: true });
const tab = await profile.context.newPage();
await openAndWait(tab, `${pages.origin}/kit.html?${pages.query}`);
console.log(await tab.evaluate(`(() => {
  const out = {};
  const walk = (root, label) => {
    const c = out[label] ??= { el: 0, comment: 0, ws: 0, text: 0, tags: {} };
    const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    let n = w.currentNode;
    while (n) {
      if (n.nodeType === 1) { c.el++; c.tags[n.localName] = (c.tags[n.localName] ?? 0) + 1; const sr = n.shadowRoot; if (sr) walk(sr, n.localName); }
      else if (n.nodeType === 8) c.comment++;
      else if (n.nodeType === 3) { if (/^\\s*$/.test(n.nodeValue)) c.ws++; else c.text++; }
      n = w.nextNode();
    }
  };
  walk(document.body, 'body');
  return JSON.stringify(out, null, 1);
})()`));
await profile.close(); await pages.close();
