/** The choices of "hours before each reset" (the contract allows 2–48): the reminder and the officer digest. */
export const HOURS_BEFORE_RESET = [2, 4, 6, 12, 24, 36, 48] as const
