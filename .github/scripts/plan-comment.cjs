// Posts a stack's plan summary on the pull request as one comment, found again by a hidden marker
// and updated on each push (never duplicated, never a human's comment that quotes the marker).
// Used by .github/workflows/plan.yml through actions/github-script, for the offline review of the
// change (`kind: 'review'`) and for the plan with credentials (`kind: 'plan'`).
const fs = require('node:fs');

/** GitHub refuses comments over 65,536 characters; the artifact keeps the whole summary. */
const LIMIT = 60000;

const TITLES = { review: 'Change review (offline, against the base branch)', plan: 'Terraform plan' };

/**
 * @param {{ github: any, context: any, stack: string, summaryFile: string, outcome: string, kind: 'review' | 'plan' }} options
 * The summary file exists only when the stack was planned in this run; the step's outcome is
 * `failure` also when the identity guard stopped the change, and then the summary says why.
 */
async function postPlanComment({ github, context, stack, summaryFile, outcome, kind }) {
  const marker = `<!-- ${kind === 'review' ? 'plan-review' : 'plan-summary'}:${stack} -->`;
  const runUrl = `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`;
  let body;
  if (fs.existsSync(summaryFile)) {
    body = fs.readFileSync(summaryFile, 'utf8');
    if (outcome !== 'success') body += `\n> ❌ The check failed (${outcome}): see the identity guard above, or the [job log](${runUrl}).\n`;
  } else {
    body = `## ${TITLES[kind]}: \`${stack}\`\n\n❌ The plan did not finish (${outcome}). See the [job log](${runUrl}).\n`;
  }
  if (body.length > LIMIT) {
    body = `${body.slice(0, LIMIT)}\n\n… cut here: the whole summary is in the ${kind === 'review' ? 'plan-review' : `plan-summary-${stack}`} artifact of [this run](${runUrl}).\n`;
  }
  body = `${marker}\n${body}`;
  const { owner, repo } = context.repo;
  const issue_number = context.issue.number;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  const existing = comments.find((c) => c.user?.type === 'Bot' && c.body?.includes(marker));
  if (existing) {
    await github.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
  } else {
    await github.rest.issues.createComment({ owner, repo, issue_number, body });
  }
}

/**
 * The offline review's comments: one per stack summary in `dir`. A review comment of an earlier push
 * whose stack has no summary now (the review stopped before it) says so rather than look current;
 * with no summary and no comment at all, one comment reports the failure.
 * @param {{ github: any, context: any, dir: string, outcome: string }} options
 */
async function postReviewComments({ github, context, dir, outcome }) {
  const stacks = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort() : [];
  const { owner, repo } = context.repo;
  const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: context.issue.number, per_page: 100 });
  const earlier = comments
    .filter((c) => c.user?.type === 'Bot')
    .map((c) => /<!-- plan-review:([\w-]+) -->/.exec(c.body ?? '')?.[1])
    .filter((stack) => stack !== undefined && !stacks.includes(stack));
  const missing = stacks.length === 0 && earlier.length === 0 ? ['every-stack'] : earlier;
  for (const stack of [...stacks, ...missing]) {
    await postPlanComment({ github, context, stack, summaryFile: `${dir}/${stack}.md`, outcome, kind: 'review' });
  }
}

module.exports = { postPlanComment, postReviewComments };
