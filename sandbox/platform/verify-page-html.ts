// The sandbox's stand-in for the face-check web page: self-contained HTML (no scripts, fonts or
// images from anywhere), bilingual, usable by a person at the counter and by a test.

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f8; color: #1f2933; }
  main { max-width: 32rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px; }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  .en { color: #52606d; margin-top: 0; }
  .actions { display: flex; gap: 1rem; margin: 1.5rem 0; }
  button { flex: 1; font-size: 1.1rem; padding: .8rem; border: 0; border-radius: 6px; color: #fff; cursor: pointer; }
  #pass { background: #2f855a; } #fail { background: #c53030; }
  .note { font-size: .85rem; color: #7b8794; }`

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}

/** `actionOrigin`: where the buttons post, when the flow hops to a second origin (options.verifyHop). */
export function renderVerifyPage(verifyToken: string, expiresAtIso: string, actionOrigin = ''): string {
  const action = `${actionOrigin}/verify/${encodeURIComponent(verifyToken)}`
  return page(
    '实人认证（沙箱） / Real-person verification (sandbox)',
    `<h1>实人认证（沙箱）</h1>
<p class="en" lang="en">Real-person verification (sandbox)</p>
<p>这是沙箱中代替人脸核验的页面。请让申请人在此选择核验结果：通过或不通过。</p>
<p class="en" lang="en">In the sandbox this page stands in for the face check. Let the applicant choose the result: pass or fail.</p>
<div class="actions">
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="result" value="pass"><button type="submit" id="pass">通过 / Pass</button></form>
<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="result" value="fail"><button type="submit" id="fail">不通过 / Fail</button></form>
</div>
<p class="note">此链接只能使用一次，有效期至 ${escapeHtml(expiresAtIso)}。<span lang="en">This link works once and expires at ${escapeHtml(expiresAtIso)}.</span></p>`,
  )
}

export function renderResultPage(result: 'pass' | 'fail'): string {
  const [zh, en] = result === 'pass' ? ['核验通过', 'Verification passed'] : ['核验未通过', 'Verification failed']
  return page(
    `${zh} / ${en}`,
    `<h1 id="result" data-result="${result}">${zh}</h1>
<p class="en" lang="en">${en}</p>
<p>结果已记录，可以关闭此页面。</p>
<p class="en" lang="en">The result has been recorded; you can close this page.</p>`,
  )
}

export function renderProblemPage(zh: string, en: string): string {
  return page(`${zh} / ${en}`, `<h1 id="problem">${escapeHtml(zh)}</h1>\n<p class="en" lang="en">${escapeHtml(en)}</p>`)
}
