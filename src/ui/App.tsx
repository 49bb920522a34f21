import { Header } from './Header';
import { StepRail } from './StepRail';
import { PipelineDiagram } from './PipelineDiagram';
import { StepPanel } from './StepPanel';

/** Layout only: header, step rail, pipeline diagram and the current step's panel. */
export function App() {
  return (
    <div className="app">
      <Header />
      <div className="body">
        <StepRail />
        <main className="main">
          <PipelineDiagram />
          <StepPanel />
        </main>
      </div>
    </div>
  );
}
