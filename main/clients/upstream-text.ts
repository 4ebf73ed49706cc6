import type { core } from 'zod'

/**
 * A source's own words (an error message, a GraphQL error, a key it chose) enter our messages, which are
 * redacted, logged, stored and shown on every sync. Any source may answer anything, so its text is cut to
 * a length a player can read before it goes anywhere: a megabyte of "message" must cost nothing.
 */
export const UPSTREAM_TEXT_MAX = 300
/** A zod path segment is a key the source chose; a real key is short. */
const PATH_SEGMENT_MAX = 40

/** `text` cut to `max` characters (an ellipsis says so), never splitting a surrogate pair. */
export function upstreamText(text: string, max = UPSTREAM_TEXT_MAX): string {
  if (text.length <= max) return text
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max
  return `${text.slice(0, end)}…`
}

/** "where: what" of the first problem a schema found in a source's answer, with the source's parts capped. */
export function wireIssue(issues: readonly core.$ZodIssue[]): string {
  const issue = issues[0]
  if (!issue) return 'unexpected shape'
  const path = issue.path.slice(0, 8).map((key) => upstreamText(String(key), PATH_SEGMENT_MAX)).join('.')
  return `${path || 'body'}: ${upstreamText(issue.message, 120)}`
}
