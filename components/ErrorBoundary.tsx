import { Component, type ReactNode } from 'react';

/**
 * Shows a visible error instead of a blank page when rendering fails — e.g. the database cannot be
 * opened (useLiveQuery rethrows its error during render).
 */
export class ErrorBoundary extends Component<{ fallback: (error: Error) => ReactNode; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
