import { isUtf8 } from 'node:buffer'
import luaparse from 'luaparse'
import type { Chunk, Expression, Node, TableConstructorExpression } from 'luaparse'

/**
 * An addon's saved file (`WTF/Account/<ACCOUNT>/SavedVariables/<Addon>.lua`) as plain values, without
 * running it: the game writes these files as `Name = <table>` lines of literals only, so the file is
 * parsed to a syntax tree (luaparse; nothing is evaluated) and anything but literals — a function, a
 * call such as `os.execute(…)`, a variable, arithmetic — refuses the whole file. Nesting is bounded
 * before luaparse sees the text (its parser recurses once per level).
 */

export type LuaValue = string | number | boolean | LuaTable
/** A Lua table: keys as Lua would print them (`1`, `"name"`); no prototype, so no key can reach Object's. */
export type LuaTable = { [key: string]: LuaValue | undefined }

export type LuaData = { ok: true; globals: LuaTable } | { ok: false; problem: string }

/** Deeper than any addon nests its data (AlterEgo's deepest is about 8). */
export const MAX_NESTING = 200

export function parseLuaData(bytes: Buffer): LuaData {
  if (!isUtf8(bytes)) return { ok: false, problem: 'is not UTF-8 text as the game writes it' }
  // Bytes as Latin-1 characters, one per byte: luaparse then reads the `\195\169` escapes the game writes
  // as bytes too, and each string is decoded from UTF-8 once it is whole (utf8Text).
  const source = bytes.toString('latin1')
  const depth = nestingDepth(source)
  if (depth > MAX_NESTING) return { ok: false, problem: `nests deeper than ${MAX_NESTING} levels` }
  let chunk: Chunk
  try {
    chunk = luaparse.parse(source, { comments: false, locations: false, ranges: false, scope: false, luaVersion: '5.1', encodingMode: 'pseudo-latin1' })
  } catch (error) {
    // A stack overflow (a chain of 10,000 unary minuses, say) is as much "not saved data" as bad syntax.
    if (error instanceof RangeError) return { ok: false, problem: 'nests too deep to read' }
    return { ok: false, problem: `is not valid saved data (${error instanceof Error ? error.message.slice(0, 120) : 'unreadable'})` }
  }
  const globals: LuaTable = Object.create(null) as LuaTable
  for (const statement of chunk.body) {
    if (statement.type !== 'AssignmentStatement') return refusal(statement)
    for (const [i, variable] of statement.variables.entries()) {
      if (variable.type !== 'Identifier') return refusal(variable)
      const init = statement.init[i]
      const value = init === undefined ? undefined : literal(init)
      if (value instanceof Refused) return refusal(value.node)
      globals[variable.name] = value
    }
  }
  return { ok: true, globals }
}

/** The node that is not a literal, deepest first, so the message names the function rather than its table. */
class Refused {
  readonly node: Node
  constructor(node: Node) {
    this.node = node
  }
}

function refusal(node: Node): LuaData {
  const what = node.type === 'FunctionDeclaration' ? 'a function' : node.type.endsWith('CallExpression') || node.type === 'CallStatement' ? 'a function call' : `code (${node.type})`
  return { ok: false, problem: `holds ${what}, not saved data: it was not read` }
}

/** A literal's value; undefined for nil; Refused for anything that would need running. */
function literal(node: Expression): LuaValue | undefined | Refused {
  switch (node.type) {
    case 'StringLiteral':
      return utf8Text(node.value)
    case 'NumericLiteral':
    case 'BooleanLiteral':
      return node.value
    case 'NilLiteral':
      return undefined
    case 'UnaryExpression': {
      // The game writes negative numbers as `-5`; nothing else unary is data.
      if (node.operator !== '-' || node.argument.type !== 'NumericLiteral') return new Refused(node)
      return -node.argument.value
    }
    case 'TableConstructorExpression':
      return table(node)
    default:
      return new Refused(node)
  }
}

function table(node: TableConstructorExpression): LuaTable | Refused {
  const result: LuaTable = Object.create(null) as LuaTable
  let position = 0
  for (const field of node.fields) {
    const value = literal(field.value)
    if (value instanceof Refused) return value
    let key: string
    if (field.type === 'TableValue') {
      key = String(++position)
    } else if (field.type === 'TableKeyString') {
      key = field.key.name
    } else {
      const k = literal(field.key)
      if (k instanceof Refused) return k
      if (k === undefined || typeof k === 'object') return new Refused(field.key)
      key = String(k)
    }
    if (value !== undefined) result[key] = value
  }
  return result
}

/** A string's bytes (one Latin-1 character each) as text; an invalid sequence from an escape becomes U+FFFD. */
function utf8Text(latin1: string | null): string {
  return latin1 === null ? '' : Buffer.from(latin1, 'latin1').toString('utf8')
}

const BRACKET_OPEN = new Set(['{', '(', '['])
const BRACKET_CLOSE = new Set(['}', ')', ']'])

/**
 * The deepest nesting of brackets outside strings and comments, in one pass that recurses nowhere. It
 * errs on the high side (a `[` of a long string that is not one counts), which only refuses more.
 */
export function nestingDepth(source: string): number {
  let depth = 0
  let deepest = 0
  let i = 0
  const n = source.length
  while (i < n) {
    const c = source[i] as string
    if (c === '"' || c === "'") {
      i++
      while (i < n && source[i] !== c && source[i] !== '\n') i += source[i] === '\\' ? 2 : 1
      i++
    } else if (c === '-' && source[i + 1] === '-') {
      const long = longBracketLevel(source, i + 2)
      if (long !== null) i = endOfLongBracket(source, i + 2, long)
      else {
        const end = source.indexOf('\n', i)
        i = end === -1 ? n : end + 1
      }
    } else if (c === '[' && longBracketLevel(source, i) !== null) {
      i = endOfLongBracket(source, i, longBracketLevel(source, i) as number)
    } else {
      if (BRACKET_OPEN.has(c)) deepest = Math.max(deepest, ++depth)
      else if (BRACKET_CLOSE.has(c)) depth--
      i++
    }
  }
  return deepest
}

/** `[[` is level 0, `[==[` level 2; null when `at` does not open a long bracket. */
function longBracketLevel(source: string, at: number): number | null {
  if (source[at] !== '[') return null
  let j = at + 1
  while (source[j] === '=') j++
  return source[j] === '[' ? j - at - 1 : null
}

function endOfLongBracket(source: string, at: number, level: number): number {
  const end = source.indexOf(`]${'='.repeat(level)}]`, at)
  return end === -1 ? source.length : end + level + 2
}
