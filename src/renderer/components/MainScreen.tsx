import { ConnectionProblem } from './ConnectionProblem';
import { SceneList } from './SceneList';

/** The everyday screen: what is wrong (if anything), then the scenes. */
export function MainScreen({ onEditConnection }: { onEditConnection: () => void }) {
  return (
    <main className="screen" data-testid="main-screen">
      <ConnectionProblem onEditConnection={onEditConnection} />
      <SceneList />
    </main>
  );
}
