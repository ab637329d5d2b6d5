export {
  createBatchLoader,
  createGroupedLoader,
  type BatchLoaderOptions,
  type GroupedLoaderOptions,
} from './create-batch-loader';
