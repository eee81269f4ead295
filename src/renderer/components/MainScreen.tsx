import { ConnectionProblem } from './ConnectionProblem';
import { LiveView } from './live/LiveView';

/** The everyday screen: what is wrong (if anything), then the live view. */
export function MainScreen({
  onEditConnection,
  onOpenRemote,
}: {
  onEditConnection: () => void;
  /** Settings, at "Telefon som fjärrkontroll". */
  onOpenRemote?: () => void;
}) {
  return (
    <main className="screen" data-testid="main-screen">
      <ConnectionProblem onEditConnection={onEditConnection} />
      <LiveView onOpenRemote={onOpenRemote} />
    </main>
  );
}
