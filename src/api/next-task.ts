/**
 * Resolves in a new task, letting the browser paint and handle input in between. A message on
 * a channel rather than a timer: timers are clamped, and held back in background tabs.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
    channel.port2.close();
  });
}
