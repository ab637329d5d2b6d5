import { createGateway } from '../../../app';
import { describeFederationSuite } from './describe-federation-suite';

describeFederationSuite('planner', (config, options) => createGateway({ ...config, engine: 'planner' }, options));
