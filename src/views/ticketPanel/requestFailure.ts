// A panel request that failed with a message meant for the webview (the reply's error), as opposed to an
// unexpected error, which the controller logs and describes.
export class RequestFailure extends Error {
  constructor(message: string, readonly outcomeUnknown = false, readonly alreadySent = false) {
    super(message);
  }
}
