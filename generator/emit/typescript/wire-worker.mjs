// Worker thread of emit/typescript: runs openapi-typescript on one bundled document, so the
// wire types are produced while the main thread emits models and clients.
import { parentPort, workerData } from "node:worker_threads";
import openapiTS, { astToString } from "openapi-typescript";

const ast = await openapiTS(workerData.document, { silent: true, alphabetize: true });
parentPort.postMessage(astToString(ast));
