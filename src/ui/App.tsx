import { Header } from './Header';
import { StepRail } from './StepRail';
import { PipelineDiagram } from './PipelineDiagram';
import { StepPanel } from './StepPanel';
import { InterruptedRunNotice } from './components/InterruptedRunNotice';

/** Layout only: header, step rail, pipeline diagram and the current step's panel. */
export function App() {
  return (
    <div className="app">
      <Header />
      <div className="body">
        <StepRail />
        <main className="main">
          <InterruptedRunNotice />
          <PipelineDiagram />
          <StepPanel />
        </main>
      </div>
    </div>
  );
}
