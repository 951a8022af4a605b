// The second baseline of scripts/bench (issue 16): the same questionnaire as a SurveyJS page, the DOM survey library
// people use for this. Installs survey-core and survey-js-ui (pinned, from npm, into build/bench/surveyjs-npm: a bench
// tool, not a dependency of the app or the tests) and writes build/bench/surveyjs-site: index.html, the library's
// minified script and stylesheet as a user of its "no framework" build would ship them, and survey.js: the survey
// made from content/questionnaire.json (every question with its options and help text, one page per component, in
// English) and rendered.
// The stylesheet is the "fontless" one: the default one loads Open Sans from a font CDN, which a page that works
// offline can't do. Usage: node bench/surveyjs/make.mjs [--out DIR]
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VERSION = '2.5.38';
const npmDir = join(ROOT, 'build/bench/surveyjs-npm');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? resolve(process.argv[outIndex + 1]) : join(ROOT, 'build/bench/surveyjs-site');

const pkg = (name) => join(npmDir, 'node_modules', name);
const installed = (name) => existsSync(join(pkg(name), 'package.json')) &&
  JSON.parse(readFileSync(join(pkg(name), 'package.json'), 'utf8')).version === VERSION;
if (!installed('survey-core') || !installed('survey-js-ui')) {
  mkdirSync(npmDir, { recursive: true });
  execFileSync('npm', ['install', '--prefix', npmDir, '--no-save', '--no-audit', '--no-fund', '--loglevel=error',
    `survey-core@${VERSION}`, `survey-js-ui@${VERSION}`], { stdio: 'inherit' });
}

// Our questionnaire in SurveyJS's model: a radio group per question (every type here is one choice of several).
const q = JSON.parse(readFileSync(join(ROOT, 'content/questionnaire.json'), 'utf8'));
const components = [...new Set(q.questions.map((x) => x.component))];
const survey = {
  title: q.title.en,
  description: q.intro.en,
  showProgressBar: 'top',
  pages: components.map((c) => ({
    name: c,
    elements: q.questions.filter((x) => x.component === c).map((x) => ({
      type: 'radiogroup',
      name: x.id,
      title: x.text.en,
      description: x.help ? x.help.en : undefined,
      choices: x.options.map((o, i) => ({ value: i, text: o.label.en })),
    })),
  })),
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
copyFileSync(join(pkg('survey-core'), 'survey.core.min.js'), join(out, 'survey.core.min.js'));
copyFileSync(join(pkg('survey-js-ui'), 'survey-js-ui.min.js'), join(out, 'survey-js-ui.min.js'));
copyFileSync(join(pkg('survey-core'), 'survey-core.fontless.min.css'), join(out, 'survey-core.fontless.min.css'));
// The first frame: the end of the first animation frame after SurveyJS rendered the survey (the bench's init
// script sets __bench; the WebGL pages set it from their first draw instead). A script file, not inline: the bench's
// server sends the app's Content-Security-Policy to every page.
writeFileSync(join(out, 'survey.js'), `const model = new Survey.Model(${JSON.stringify(survey)});
model.onAfterRenderSurvey.add(() => requestAnimationFrame(() => {
  if (window.__bench && window.__bench.firstFrame === null) window.__bench.firstFrame = performance.now();
}));
SurveyUI.renderSurvey(model, document.getElementById('survey'));
`);
writeFileSync(join(out, 'index.html'), `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SurveyJS baseline</title>
<link rel="stylesheet" href="survey-core.fontless.min.css">
<script src="survey.core.min.js"></script>
<script src="survey-js-ui.min.js"></script>
</head>
<body>
<div id="survey"></div>
<script src="survey.js"></script>
</body>
</html>
`);
console.error(`[surveyjs] ${q.questions.length} questions on ${components.length} pages in ${out}`);
