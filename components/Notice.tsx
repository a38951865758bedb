import type { ReactNode } from 'react';

/** A one-block message: `info` for explanations, `warn` for problems the employee should know about. */
export function Notice(props: { tone: 'info' | 'warn'; children: ReactNode; testId?: string }) {
  return (
    <div
      className={`notice notice-${props.tone}`}
      role={props.tone === 'warn' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      {props.children}
    </div>
  );
}
