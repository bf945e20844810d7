import {readFileSync} from 'node:fs';
import {parseHTML} from 'linkedom';
import {Readability} from '@mozilla/readability';
const html = readFileSync('/tmp/deep.html', 'utf8');
let t = performance.now();
const lap = (label: string) => { const n = performance.now(); console.log(label, (n - t).toFixed(0)); t = n; };
const {document} = parseHTML(html); lap('linkedom');
const body = document.body; let depth = 0; let node: any = body; while (node.firstElementChild) { node = node.firstElementChild; depth++; } lap(`depth ${depth}`);
const r = new Readability(document as any, {serializer: (e: any) => e}).parse(); lap('readability');
