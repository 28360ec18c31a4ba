import { awsLambdaFunctionNotPubliclyInvocable as rule } from "../../policies/aws/lambda/aws-lambda-function-not-publicly-invocable";
import { one, ruleTable, UNKNOWN } from "../harness";

const URL = "aws:lambda/functionUrl:FunctionUrl";
const PERMISSION = "aws:lambda/permission:Permission";
const POLICY = "aws:lambda/resourcePolicy:ResourcePolicy";
const M = "mandatory" as const;
const A = "advisory" as const;

const fnArn = "arn:aws:lambda:us-east-1:123456789012:function:orders-api";
const perm = (props: Record<string, unknown>) => ({ function: "orders-api", action: "lambda:InvokeFunction", ...props });
const doc = (principal: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "web", Effect: "Allow", Principal: principal, Action: "lambda:InvokeFunction", Resource: fnArn }] });

ruleTable(rule, [
    { kind: "pass", name: "function URL with AWS_IAM", resources: one(URL, { functionName: "orders-api", authorizationType: "AWS_IAM" }), expect: [] },
    { kind: "pass", name: "permission for one account", resources: one(PERMISSION, perm({ principal: "210987654321" })), expect: [] },
    { kind: "pass", name: "permission for a service principal pinned to a bucket", resources: one(PERMISSION, perm({ principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads", sourceAccount: "123456789012" })), expect: [] },
    { kind: "pass", name: "permission for a service principal without a source (confused deputy, not anonymous)", resources: one(PERMISSION, perm({ principal: "sns.amazonaws.com" })), expect: [] },
    { kind: "pass", name: "permission * limited to the organization", resources: one(PERMISSION, perm({ principal: "*", principalOrgId: "o-abc123" })), expect: [] },
    { kind: "pass", name: "permission * limited to a fixed source account", resources: one(PERMISSION, perm({ principal: "*", sourceAccount: "123456789012" })), expect: [] },
    { kind: "pass", name: "permission * limited to a fixed source ARN", resources: one(PERMISSION, perm({ principal: "*", sourceArn: "arn:aws:events:us-east-1:123456789012:rule/nightly" })), expect: [] },
    { kind: "pass", name: "resource policy for a role", resources: one(POLICY, { resourceArn: fnArn, policy: doc({ AWS: "arn:aws:iam::123456789012:role/app" }) }), expect: [] },
    { kind: "fail", name: "function URL with NONE", resources: one(URL, { functionName: "orders-api", authorizationType: "NONE" }), expect: [{ level: M, message: '`authorizationType` is "NONE": the function URL of "orders-api" performs no authentication' }] },
    { kind: "fail", name: "function URL with none (any case)", resources: one(URL, { functionName: "orders-api", authorizationType: "none" }), expect: [{ level: M, message: '`authorizationType` is "none"' }] },
    {
        kind: "fail",
        name: "public function URL permission: principal * with functionUrlAuthType NONE",
        resources: one(PERMISSION, perm({ principal: "*", action: "lambda:InvokeFunctionUrl", functionUrlAuthType: "NONE" })),
        expect: [{ level: M, message: '`principal` is "*" for "lambda:InvokeFunctionUrl" on function "orders-api", and nothing limits it to a fixed source (`sourceArn`, `sourceAccount` or `principalOrgId`) with `functionUrlAuthType: "NONE"`: anyone on the internet can call the function URL' }],
    },
    { kind: "fail", name: "principal * without any source", resources: one(PERMISSION, perm({ principal: "*" })), expect: [{ level: M, message: "any AWS account (any signed request) can invoke the function" }] },
    { kind: "fail", name: "principal * with a wildcard source ARN", resources: one(PERMISSION, perm({ principal: "*", sourceArn: "arn:aws:execute-api:us-east-1:*:*/*" })), expect: [{ level: M, message: "`sourceArn`, `sourceAccount` or `principalOrgId`: AWS:SourceArn uses ArnLike with wildcard \"arn:aws:execute-api:us-east-1:*:*/*\")" }] },
    { kind: "fail", name: "wildcard account principal", resources: one(PERMISSION, perm({ principal: "arn:aws:iam::*:root" })), expect: [{ level: M, message: "principals matching the wildcard in any account" }] },
    { kind: "fail", name: "resource policy granting *", resources: one(POLICY, { resourceArn: fnArn, policy: doc("*") }), expect: [{ level: M, message: '`policy` statement "web" (index 0) allows "lambda:InvokeFunction" to "*"' }] },
    { kind: "not-applicable", name: "a Lambda function", resources: one("aws:lambda/function:Function", { role: "r", principal: "*" }), expect: [] },
    { kind: "not-applicable", name: "a Lambda alias", resources: one("aws:lambda/alias:Alias", { authorizationType: "NONE" }), expect: [] },
    { kind: "unknown", name: "authorizationType unknown", resources: one(URL, { functionName: UNKNOWN, authorizationType: UNKNOWN }), expect: [{ level: M, message: "`authorizationType` is unknown during preview" }] },
    { kind: "unknown", name: "principal unknown", resources: one(PERMISSION, perm({ principal: UNKNOWN })), expect: [{ level: M, message: "`principal` is unknown during preview" }] },
    { kind: "unknown", name: "principal * with a source ARN unknown at preview: warning, decided at update time", resources: one(PERMISSION, perm({ principal: "*", sourceArn: UNKNOWN })), expect: [{ level: A, message: "the condition that limits it is not known during preview" }] },
    { kind: "unknown", name: "account principal with unknown function name", resources: one(PERMISSION, { function: UNKNOWN, action: "lambda:InvokeFunction", principal: "210987654321" }), expect: [] },
    { kind: "malformed", name: "authorizationType not a known value", resources: one(URL, { functionName: "f", authorizationType: "OPEN" }), expect: [{ level: M, message: '`authorizationType` is "OPEN", which is not AWS_IAM or NONE' }] },
    { kind: "malformed", name: "principal as a number", resources: one(PERMISSION, perm({ principal: 123456789012 })), expect: [{ level: M, message: "`principal` is 123456789012, which is not a string" }] },
    { kind: "malformed", name: "empty principal", resources: one(PERMISSION, perm({ principal: "" })), expect: [{ level: M, message: "cannot be read as a policy statement" }] },
    { kind: "malformed", name: "sourceArn as a list", resources: one(PERMISSION, perm({ principal: "*", sourceArn: ["arn:aws:s3:::a"] })), expect: [{ level: M, message: "`sourceArn` is" }] },
    { kind: "malformed", name: "function URL without authorizationType", resources: one(URL, { functionName: "f" }), expect: [{ level: M, message: "`authorizationType` is not set" }] },
]);
