// `npm run bench`: every benchmark, reported as ratios measured in the same run.
import {benchStartup} from './startup.mjs';
import {benchTypesetting} from './typesetting.mjs';
import {benchLatency} from './latency.mjs';
import {benchOpen} from './open.mjs';
import {benchLibrary} from './library.mjs';
import {benchWeb} from './web.mjs';
import {benchBooks} from './books.mjs';

const only = process.argv[2];
if (!only || only === 'startup') await benchStartup();
if (!only || only === 'typesetting') benchTypesetting();
if (!only || only === 'latency') await benchLatency();
if (!only || only === 'open') await benchOpen();
if (!only || only === 'library') await benchLibrary();
if (!only || only === 'web') await benchWeb();
if (!only || only === 'books') await benchBooks();
