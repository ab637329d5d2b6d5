import 'reflect-metadata';
/**
 * The `Service` entity (政务服务事项, a government service item) as the
 * services subgraph owns it. Other subgraphs (cases) reference it by its
 * item code with a `resolvable: false` stub; only this subgraph resolves it.
 */
import { Grade } from '@govgraph/sdk';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * One item of the province's service catalog. Instances are the frozen
 * records of the current catalog export, shared by every request.
 */
@ObjectType('Service', { description: 'A government service item (政务服务事项) of the provincial catalog.' })
@Directive('@key(fields: "code")')
export class Service {
  /** The catalog's item code, `<region code>-<kind letters>-<4-digit sequence>`, e.g. `320100-XK-0012`. */
  @Field(() => String, { description: 'Item code (事项编码), e.g. 320100-XK-0012: unique in the catalog.' })
  @Grade('L1')
  code!: string;

  /** The item's name, e.g. `食品经营许可`. */
  @Field(() => String, { description: 'Item name (事项名称).' })
  @Grade('L1')
  name!: string;

  /** The department that handles it, e.g. `南京市市场监督管理局`. */
  @Field(() => String, { description: 'The handling department (实施部门).' })
  @Grade('L1')
  department!: string;

  /** The item kind, e.g. `行政许可`, `公共服务`. */
  @Field(() => String, { description: 'Item kind (事项类型), e.g. 行政许可, 公共服务.' })
  @Grade('L1')
  kind!: string;

  /** Online-handling depth: 1 (information only) … 4 (fully online, 全程网办). */
  @Field(() => Int, { description: 'Online-handling depth (网办深度): 1 (information only) to 4 (fully online).' })
  @Grade('L1')
  onlineDepth!: number;

  /** Promised time limit in working days (承诺时限); 0 for items handled on the spot (即办件). */
  @Field(() => Int, { description: 'Promised time limit in working days (承诺时限); 0 means handled on the spot.' })
  @Grade('L1')
  promisedDays!: number;

  /** Statutory time limit in working days (法定时限), never less than `promisedDays`. */
  @Field(() => Int, { description: 'Statutory time limit in working days (法定时限).' })
  @Grade('L1')
  legalDays!: number;
}
