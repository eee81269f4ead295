/**
 * The raw floor of the host's CPU: a bare Node process holding one obs-websocket-js connection
 * with the app's subscriptions (all events plus InputVolumeMeters), handling every event.
 * Usage: node --import tsx scripts/bench/raw-client-child.ts ADDRESS [PASSWORD]
 * Prints "ready" once identified; runs until killed.
 */
import { EventSubscription, OBSWebSocket } from 'obs-websocket-js';

const [address, password] = process.argv.slice(2);
const client = new OBSWebSocket();
let events = 0;
const count = (): void => {
  events += 1;
};
client.on('InputVolumeMeters', count);
client.on('CurrentProgramSceneChanged', count);
client.on('StreamStateChanged', count);
client.on('InputMuteStateChanged', count);
// The app also reads the stream's health every second or two.
setInterval(() => {
  client.call('GetStreamStatus').then(count, () => {});
}, 1000);
client
  .connect(address ?? 'ws://127.0.0.1:4455', password || undefined, {
    rpcVersion: 1,
    eventSubscriptions: EventSubscription.All | EventSubscription.InputVolumeMeters,
  })
  .then(() => process.stdout.write('ready\n'))
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
process.on('SIGTERM', () => {
  process.stderr.write(`events ${events}\n`);
  process.exit(0);
});
