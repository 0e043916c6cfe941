#!/usr/bin/env node
// PeeringLint fixture: the NextWork VPC peering tutorial's topology (working state) as a CDK v2 app.
// Synthesized offline with the pinned CDK CLI (adds aws:cdk:path metadata):
//   CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=1 \
//     npx cdk synth --no-lookups --no-notices --json -q -a "node app.js" -o cdk.out > cdk-nextwork.template.json
// Based on /work/shared/tools/cdk-synth-sample (same pins, same no-lookup setup).
'use strict';
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const AMI = 'ami-0fff1b9a61dec8a5f'; // illustrative id; genericLinux() never looks it up

const app = new cdk.App({
  outdir: process.env.CDK_OUTDIR || 'cdk.out',
  analyticsReporting: false,
  context: {
    [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: ['a', 'b', 'c'].map((z) => REGION + z),
  },
});

const stack = new cdk.Stack(app, 'NextWork', {
  env: { account: ACCOUNT, region: REGION },
  synthesizer: new cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
});

function makeVpc(n, cidr) {
  return new ec2.Vpc(stack, `NextWork-${n}-vpc`, {
    ipAddresses: ec2.IpAddresses.cidr(cidr),
    availabilityZones: [`${REGION}a`],
    natGateways: 0,
    subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }],
    restrictDefaultSecurityGroup: false,
  });
}

const vpc1 = makeVpc(1, '10.1.0.0/16');
const vpc2 = makeVpc(2, '10.2.0.0/16');

// "VPC 1 <> VPC 2": requester VPC 1, accepter VPC 2 (same account, so CloudFormation accepts it).
const peering = new ec2.CfnVPCPeeringConnection(stack, 'VPC1VPC2Peering', {
  vpcId: vpc1.vpcId,
  peerVpcId: vpc2.vpcId,
  tags: [{ key: 'Name', value: 'VPC 1 <> VPC 2' }],
});

const sides = [
  { n: 1, vpc: vpc1, peerCidr: '10.2.0.0/16' },
  { n: 2, vpc: vpc2, peerCidr: '10.1.0.0/16' },
];

for (const s of sides) {
  s.vpc.publicSubnets.forEach((subnet, i) => {
    new ec2.CfnRoute(stack, `NextWork-${s.n}-PeeringRoute${i}`, {
      routeTableId: subnet.routeTable.routeTableId,
      destinationCidrBlock: s.peerCidr,
      vpcPeeringConnectionId: peering.ref,
    });
  });

  // The instances use the VPC's default security group, as in the tutorial.
  s.sg = ec2.SecurityGroup.fromSecurityGroupId(stack, `NextWork-${s.n}-default-sg`, s.vpc.vpcDefaultSecurityGroup);
  s.instance = new ec2.Instance(stack, `Instance - NextWork VPC ${s.n}`, {
    vpc: s.vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T2, ec2.InstanceSize.MICRO),
    machineImage: ec2.MachineImage.genericLinux({ [REGION]: AMI }),
    securityGroup: s.sg,
  });
}

// VPC 1's default SG: SSH from anywhere (EC2 Instance Connect); VPC 2's: all ICMP from VPC 1.
new ec2.CfnSecurityGroupIngress(stack, 'NextWork-1-ssh', {
  groupId: vpc1.vpcDefaultSecurityGroup,
  ipProtocol: 'tcp', fromPort: 22, toPort: 22, cidrIp: '0.0.0.0/0',
});
new ec2.CfnSecurityGroupIngress(stack, 'NextWork-2-icmp', {
  groupId: vpc2.vpcDefaultSecurityGroup,
  ipProtocol: 'icmp', fromPort: -1, toPort: -1, cidrIp: '10.1.0.0/16',
});

// Instance 1 gets an Elastic IP.
new ec2.CfnEIP(stack, 'NextWork-1-eip', { domain: 'vpc', instanceId: sides[0].instance.instanceId });

app.synth();
