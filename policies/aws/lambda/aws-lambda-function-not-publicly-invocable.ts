import { analyzePolicyDocument } from "../../lib/iam-policy";
import { policyDocumentFindings } from "../../lib/policy-document-findings";
import { enumEquals, stringField, type Field } from "../../lib/props";
import { invalidFieldFinding, showValue, unknownSwitchFinding, type Finding, type ResourceRule } from "../../lib/rule";
import { awsTypes } from "../../lib/type-tokens";

const FUNCTION_URL = "aws:lambda/functionUrl:FunctionUrl";
const PERMISSION = "aws:lambda/permission:Permission";
const RESOURCE_POLICY = "aws:lambda/resourcePolicy:ResourcePolicy";

const URL_CONSEQUENCE = "the function URL accepts unauthenticated requests";
const PERMISSION_CONSEQUENCE = "anyone can invoke the function";

function checkFunctionUrl(props: Record<string, unknown>): Finding[] {
    const auth = stringField(props, "authorizationType");
    switch (auth.state) {
        case "absent":
            // Required by the resource; a URL without it is malformed, never a pass.
            return [{ message: `\`authorizationType\` is not set, so the pack cannot tell whether ${URL_CONSEQUENCE}. Set \`authorizationType: "AWS_IAM"\`.` }];
        case "unknown":
            return [unknownSwitchFinding("authorizationType", URL_CONSEQUENCE)];
        case "invalid":
            return [invalidFieldFinding("authorizationType", auth.raw, auth.expected, URL_CONSEQUENCE)];
        case "known":
            if (enumEquals(auth.value.trim(), "AWS_IAM")) return [];
            if (enumEquals(auth.value.trim(), "NONE")) {
                // "Lambda doesn't perform authentication before invoking your function" (Lambda Developer Guide,
                // "Control access to Lambda function URLs", docs/aws-tokens.md [S9]): the function's resource
                // policy is then the only gate, and the URL exists to be called from the internet.
                return [{
                    message:
                        `\`authorizationType\` is "${auth.value}": the function URL of ${showValue(props.functionName)} performs no ` +
                        "authentication, so every internet client that can reach the URL invokes the function (and reads " +
                        "whatever data it returns) as soon as a resource-policy statement allows it.",
                }];
            }
            return [invalidFieldFinding("authorizationType", auth.value, "AWS_IAM or NONE", URL_CONSEQUENCE)];
    }
}

/** A string input of a Permission: absent, unknown, known string, or malformed. */
function str(props: Record<string, unknown>, key: string): Field<string> {
    return stringField(props, key);
}

/**
 * aws:lambda/permission is one statement of the function's resource policy. Lambda writes it as
 * {"Effect":"Allow","Principal":...,"Action":action,"Condition":{"ArnLike":{"AWS:SourceArn":sourceArn},
 * "StringEquals":{"AWS:SourceAccount":sourceAccount,"aws:PrincipalOrgID":principalOrgId,
 * "lambda:FunctionUrlAuthType":functionUrlAuthType}}} (Lambda AddPermission; "Viewing resource-based IAM
 * policies in Lambda"). The statement is then judged like every other resource policy (iam-policy.ts):
 * Principal "*" or a wildcard principal, not pinned by a fixed source ARN, source account or organization, is
 * public. A fixed account, role or service principal is not ([S3-PUBLIC]; a service principal without a
 * source is a confused-deputy risk [S13], not anonymous access).
 */
function checkPermission(props: Record<string, unknown>): Finding[] {
    const principal = str(props, "principal");
    switch (principal.state) {
        case "absent":
            return [{ message: `\`principal\` is not set, so the pack cannot tell whether ${PERMISSION_CONSEQUENCE}. Name the account, role or service that may invoke it.` }];
        case "unknown":
            return [unknownSwitchFinding("principal", PERMISSION_CONSEQUENCE)];
        case "invalid":
            return [invalidFieldFinding("principal", principal.raw, principal.expected, PERMISSION_CONSEQUENCE)];
    }
    const p = principal.value.trim();
    const statementPrincipal = p === "*" ? "*" : /\.amazonaws\.com(\.cn)?$|\.amazon\.com$/.test(p) ? { Service: p } : { AWS: p };

    const condition: Record<string, Record<string, unknown>> = {};
    const add = (operator: string, key: string, field: string): Finding | undefined => {
        const value = str(props, field);
        if (value.state === "invalid") return invalidFieldFinding(field, value.raw, value.expected, PERMISSION_CONSEQUENCE);
        if (value.state === "absent") return undefined;
        // Unknown values go into the statement as the sentinel: the analysis reports them as undecided.
        condition[operator] = { ...(condition[operator] ?? {}), [key]: value.state === "known" ? value.value : props[field] };
        return undefined;
    };
    const malformed = [
        add("ArnLike", "AWS:SourceArn", "sourceArn"),
        add("StringEquals", "AWS:SourceAccount", "sourceAccount"),
        add("StringEquals", "aws:PrincipalOrgID", "principalOrgId"),
    ].filter((f): f is Finding => f !== undefined);
    if (malformed.length > 0) return malformed;

    const action = props.action;
    const statement = {
        Effect: "Allow",
        Principal: statementPrincipal,
        Action: typeof action === "string" ? action : "lambda:InvokeFunction",
        ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
    };
    const verdict = analyzePolicyDocument({ Version: "2012-10-17", Statement: [statement] });
    const fn = showValue(props.function);
    switch (verdict.kind) {
        case "not-public":
            return [];
        case "malformed":
            return [{ message: `The permission cannot be read as a policy statement (${verdict.reason}); it is treated as public.` }];
        case "unknown":
            return [{
                advisory: true,
                message:
                    `\`principal\` is "${p}" and the condition that limits it is not known during preview (${verdict.detail}); ` +
                    "it will be checked at update time, before the permission is created.",
            }];
        case "public": {
            const authType = str(props, "functionUrlAuthType");
            const viaUrl = authType.state === "known" && enumEquals(authType.value.trim(), "NONE");
            const who = viaUrl
                ? "anyone on the internet can call the function URL without signing the request"
                : p === "*"
                  ? "any AWS account (any signed request) can invoke the function"
                  : "principals matching the wildcard in any account can invoke the function";
            const scope = verdict.statements[0]?.why ?? "";
            return [{
                message:
                    `\`principal\` is "${p}" for ${showValue(action)} on function ${fn}, and nothing limits it to a fixed ` +
                    `source (\`sourceArn\`, \`sourceAccount\` or \`principalOrgId\`${scope && scope !== "no Condition" ? `: ${scope}` : ""})` +
                    `${viaUrl ? " with `functionUrlAuthType: \"NONE\"`" : ""}: ${who}.`,
            }];
        }
    }
}

export const awsLambdaFunctionNotPubliclyInvocable: ResourceRule = {
    kind: "resource",
    name: "aws-lambda-function-not-publicly-invocable",
    description:
        "Lambda functions must not be invocable by everyone: no function URL without authentication (authorizationType " +
        "NONE) and no permission or resource policy granting `*` without a fixed source.",
    severity: "critical",
    remediationSteps:
        "Use `authorizationType: \"AWS_IAM\"` on function URLs (front public traffic with API Gateway or CloudFront " +
        "and an authorizer); give `aws.lambda.Permission` a named principal (an account, a role or a service) and pin " +
        "service principals with `sourceArn` / `sourceAccount`; use `principalOrgId` for organization-wide access.",
    url: "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
    catalog: "AWS: Lambda front door to data",
    appliesTo: awsTypes(FUNCTION_URL, PERMISSION, RESOURCE_POLICY),
    check(resource): Finding[] {
        switch (resource.type) {
            case FUNCTION_URL:
                return checkFunctionUrl(resource.props);
            case PERMISSION:
                return checkPermission(resource.props);
            default:
                return policyDocumentFindings(resource.props.policy, "policy");
        }
    },
};
