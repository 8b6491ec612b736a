import type { z } from 'zod';

/** "items.0.dueAt: Invalid ISO datetime; count: Too small…": the field first, so it is findable. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}
