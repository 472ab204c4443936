// `node --import <this file>`: appends the URL of every ES module the process
// loads, its entry point included, to the file that RECORD_IMPORTS names.
import { register } from 'node:module';

const hooks = `
  import { appendFileSync } from 'node:fs';
  export async function load(url, context, nextLoad) {
    if (!url.startsWith('node:')) appendFileSync(process.env.RECORD_IMPORTS, url + '\\n');
    return nextLoad(url, context);
  }`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
