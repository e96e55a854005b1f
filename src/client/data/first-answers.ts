// Answers read before React's first render (first-screen.ts), for the hooks of the screen the
// tablet opens on to draw with at once. They last until that first screen is drawn: a screen
// mounted later must read its data afresh, never an answer from the start of the shift.
const answers = new Map<string, unknown>();
let drawn = false;

export function firstAnswer<T>(key: string): T | undefined {
  return answers.get(key) as T | undefined;
}

/** Ignored once the first screen is drawn (a slow read that finished after it). */
export function keepFirstAnswer(key: string, value: unknown): void {
  if (!drawn) answers.set(key, value);
}

export function forgetFirstAnswers(): void {
  drawn = true;
  answers.clear();
}

export function firstScreenIsDrawn(): boolean {
  return drawn;
}

export const wardAnswerKey = (unit: string) => `ward:${unit}`;
export const unitsAnswerKey = (userId: string, units: readonly string[], language: string) =>
  `units:${userId}:${units.join()}:${language}`;
