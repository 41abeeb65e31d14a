/** The controllers of the client commands (one folder per use case). */
import { RegisterClientController } from './register-client/register-client.controller';

export const clientCommandControllers = [RegisterClientController];
