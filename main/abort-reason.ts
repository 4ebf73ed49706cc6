/**
 * Why a run's signal fired: its deadline (AbortSignal.timeout, the CLI's --time-limit or the scheduler's
 * per-sync limit) rather than a cancel (the app quitting). A deadline is the source's slowness; a
 * cancel is nobody's fault.
 */
export function abortedByDeadline(signal: AbortSignal): boolean {
  const reason: unknown = signal.reason
  return signal.aborted && reason instanceof Error && reason.name === 'TimeoutError'
}
