import { createGateway } from '../../../app';
import { describeFederationSuite } from './describe-federation-suite';

describeFederationSuite('apollo', (config, options) => createGateway({ ...config, engine: 'apollo' }, options));
