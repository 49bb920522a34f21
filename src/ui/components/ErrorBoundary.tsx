import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/**
 * Keeps a failing panel from blanking the page: the error is shown where the panel was, with a
 * way to try again. Store state (data, model, training) is untouched by a render failure.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidUpdate(previous: { resetKey: string }) {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="error card">
        <p>
          This step could not be displayed: {this.state.error.message}. Your data, model and training are kept; choose another step or try again.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
