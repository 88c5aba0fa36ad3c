// The words of each run of Han characters, as the reader's browser finds them: Intl.Segmenter
// is ICU, the same library and dictionary the search box uses on a query (kb-search-words.js).
// stdin: {"locale": "zh-Hant", "runs": ["記憶體分配", ...]}; stdout: [["記憶體", "分配"], ...].
import { readFileSync } from "node:fs";

const request = JSON.parse(readFileSync(0, "utf8"));
const segmenter = new Intl.Segmenter(request.locale, { granularity: "word" });
const words = request.runs.map((run) => Array.from(segmenter.segment(run), (part) => part.segment));
process.stdout.write(JSON.stringify(words));
