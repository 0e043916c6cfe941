// The L2 defaults PeeringLint's analyzer models (docs/analyzer.md, "The network an L2 Vpc creates"), written as a
// TypeScript CDK app and synthesized offline with aws-cdk-lib 2.160.0 (the Amazon.CDK.Lib version the C# tests
// compile against). CdkSynthDefaultsTests builds the same program in C# and compares the analyzer's model with
// L2Defaults.template.json. Regenerate: see README.md.
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

// The output folder comes from CDK_OUTDIR (read by cdk.App itself), default cdk.out.
const app = new cdk.App({ analyticsReporting: false });

// Environment-agnostic (no env), as most C# CDK apps are: the CDK then uses two AZs (Fn::GetAZs).
const stack = new cdk.Stack(app, 'L2Defaults', {
  synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
});

// 1. Everything default: 10.0.0.0/16, MaxAzs 3 (two AZs here), one PUBLIC and one PRIVATE_WITH_EGRESS group,
//    the block split evenly, an internet gateway, one NAT gateway per AZ.
const plain = new ec2.Vpc(stack, 'Plain');

// 2. SecurityGroup: AllowAllOutbound defaults to true (one egress rule to 0.0.0.0/0, all protocols).
new ec2.SecurityGroup(stack, 'Open', { vpc: plain });
new ec2.SecurityGroup(stack, 'Closed', { vpc: plain, allowAllOutbound: false });

// 3. CDK rounding: a block with host bits set moves up to the next boundary (10.0.1.0/20 -> 10.0.16.0/20).
new ec2.Vpc(stack, 'Rounded', { ipAddresses: ec2.IpAddresses.cidr('10.0.1.0/20'), maxAzs: 1 });

// 4. Groups with a CidrMask first, then the rest split evenly; NatGateways 1 serves every AZ; isolated subnets
//    get no default route.
new ec2.Vpc(stack, 'Tiers', {
  ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'),
  natGateways: 1,
  subnetConfiguration: [
    { name: 'Web', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 20 },
    { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    { name: 'Db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 20 },
  ],
});

// 5. NatGateways 0 with a PRIVATE_WITH_EGRESS group (allowed: "custom egress"): no NAT gateway, and the private
//    subnets get no default route (the shape of aws-samples/bobs-used-bookstore-sample's NetworkStack).
new ec2.Vpc(stack, 'NoNat', {
  ipAddresses: ec2.IpAddresses.cidr('10.2.0.0/16'),
  maxAzs: 2,
  natGateways: 0,
  subnetConfiguration: [
    { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
    { name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24 },
  ],
});

app.synth();
