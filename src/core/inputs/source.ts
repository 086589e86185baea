/**
 * Reading inputs the same way from the Actions runner (INPUT_* variables) and from CLI flags.
 * Each action's settings are built from an InputSource by one function, like checkout's
 * getInputs(), so both front ends validate identically and quote the bad value.
 */
import { InputError } from '../errors.js';

export interface InputSource {
  /** The trimmed value, or '' when the input is unset or empty. */
  get(name: string): string;
}

export function requiredInput(source: InputSource, name: string): string {
  const value = source.get(name);
  if (!value) throw new InputError(`Input required and not supplied: ${name}`, name);
  return value;
}

export function optionalInput(source: InputSource, name: string): string | undefined {
  const value = source.get(name);
  return value === '' ? undefined : value;
}

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function booleanInput(source: InputSource, name: string, fallback: boolean): boolean {
  const value = source.get(name);
  if (value === '') return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new InputError(`Input ${name}: expected true or false, got ${JSON.stringify(value)}`, name);
}

export function choiceInput<T extends string>(
  source: InputSource,
  name: string,
  choices: readonly T[],
  fallback?: T,
): T | undefined {
  const value = source.get(name);
  if (value === '') return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InputError(
    `Input ${name}: expected one of ${choices.join(', ')}, got ${JSON.stringify(value)}`,
    name,
  );
}

export function integerInput(
  source: InputSource,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = source.get(name);
  if (value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InputError(
      `Input ${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`,
      name,
    );
  return n;
}

/** An InputSource over a plain map (CLI flags, tests). */
export function mapSource(values: Record<string, string | undefined>): InputSource {
  return { get: (name) => (values[name] ?? '').trim() };
}
