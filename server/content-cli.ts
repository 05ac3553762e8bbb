/**
 * `npm run content -- export <file.json>` writes the current public content (taxonomy,
 * stakeholders, programs, innovations, collaborations, events) to a file;
 * `npm run content -- demo <file.json>` writes the demo city's content, to start from;
 * `npm run content -- import <file.json>` checks a file and replaces the content with it in
 * one transaction, or changes nothing and names every problem (exit code 1).
 *
 * The database is INNO_DB (./data/inno.sqlite), as for the server; it may be running.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dbFileFrom } from './config.js';
import { ContentError, formatContent, parseContent } from './content.js';
import { buildDemoData, CITY_TIME_ZONE } from './demo-data.js';
import { SqliteStore } from './sqlite-store.js';
import { todayIn } from './time.js';

const USAGE = [
  'Usage: npm run content -- export <file.json>   write the content of INNO_DB (./data/inno.sqlite) to a file',
  '       npm run content -- demo <file.json>     write the demo city\'s content to a file, to start from',
  '       npm run content -- import <file.json>   check a file and replace the content of INNO_DB with it',
].join('\n');

/** Opens the database; says so when it erased again ideas that the erasure record names. */
function openStore(): SqliteStore {
  const store = new SqliteStore({ file: dbFile });
  const notice = store.reErasedNotice;
  if (notice) console.log(`${notice[0]!.toUpperCase()}${notice.slice(1)}.`);
  return store;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [command, file, ...rest] = process.argv.slice(2);
if ((command !== 'import' && command !== 'export' && command !== 'demo') || !file || rest.length > 0) fail(USAGE);
const dbFile = dbFileFrom(process.env);

if (command === 'demo') {
  writeFileSync(file, formatContent(buildDemoData(todayIn(CITY_TIME_ZONE, Date.now())).content));
  console.log(`Wrote the demo city's content to ${resolve(file)}. Edit it, then: npm run content -- import ${file}`);
} else if (command === 'export') {
  if (!existsSync(dbFile)) fail(`There is no database at ${dbFile} (set INNO_DB to the file the server uses).`);
  const store = openStore();
  try {
    const content = store.exportContent();
    writeFileSync(file, formatContent(content));
    console.log(`Wrote ${content.innovations.length} innovations, ${content.programs.length} programs, ` +
      `${content.events.length} events, ${content.stakeholders.length} stakeholders and ` +
      `${content.collaborations.length} links from ${dbFile} to ${resolve(file)}.`);
  } finally {
    store.close();
  }
} else {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`Cannot read ${resolve(file)} as JSON: ${(error as Error).message}\nNothing was changed.`);
  }
  let content;
  try {
    content = parseContent(input);
  } catch (error) {
    if (error instanceof ContentError) fail(`${resolve(file)}: ${error.message}`);
    throw error;
  }
  const store = openStore();
  try {
    store.importContent(content);
  } catch (error) {
    store.close();
    fail(`${resolve(file)}: the content was not loaded (nothing was changed):\n  - ${(error as Error).message}`);
  }
  store.close();
  console.log(`Loaded ${content.innovations.length} innovations, ${content.programs.length} programs, ` +
    `${content.events.length} events, ${content.stakeholders.length} stakeholders and ` +
    `${content.collaborations.length} links into ${dbFile}, as the city's own content ` +
    '(the demo data is never put back into this database).');
}
